-- The seeded menu: reference data with stable ids. Prices in cents.
INSERT INTO "restaurant" ("id", "name", "cuisine", "currency") VALUES
    ('trattoria-roma', 'Trattoria Roma', 'Italian', 'EUR'),
    ('sakura-sushi', 'Sakura Sushi', 'Japanese', 'EUR'),
    ('green-bowl', 'Green Bowl', 'Salads & bowls', 'EUR')
ON CONFLICT ("id") DO NOTHING;

INSERT INTO "menu_item" ("id", "restaurant_id", "name", "description", "price_cents") VALUES
    ('roma-margherita', 'trattoria-roma', 'Pizza Margherita', 'Tomato, mozzarella, basil', 950),
    ('roma-diavola', 'trattoria-roma', 'Pizza Diavola', 'Tomato, mozzarella, spicy salami', 1150),
    ('roma-carbonara', 'trattoria-roma', 'Spaghetti Carbonara', 'Egg, pecorino, guanciale, black pepper', 1250),
    ('roma-tiramisu', 'trattoria-roma', 'Tiramisu', 'Mascarpone, coffee, cocoa', 650),
    ('sakura-salmon-nigiri', 'sakura-sushi', 'Salmon nigiri (6)', 'Six pieces of salmon nigiri', 1100),
    ('sakura-california', 'sakura-sushi', 'California roll (8)', 'Crab, avocado, cucumber', 990),
    ('sakura-miso', 'sakura-sushi', 'Miso soup', 'Tofu, wakame, spring onion', 400),
    ('sakura-banquet', 'sakura-sushi', 'Chef''s banquet for 20', 'A whole party''s worth of sushi', 45000),
    ('green-falafel', 'green-bowl', 'Falafel bowl', 'Falafel, hummus, quinoa, greens', 1090),
    ('green-poke', 'green-bowl', 'Salmon poke', 'Salmon, rice, edamame, mango', 1290),
    ('green-lemonade', 'green-bowl', 'Homemade lemonade', 'Lemon, mint, a little sugar', 390)
ON CONFLICT ("id") DO NOTHING;
