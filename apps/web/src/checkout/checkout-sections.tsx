'use client';
import { testPaymentMethods, type TestPaymentToken } from './test-payment-methods';

/** Where the order goes: the address, with what is wrong with it announced beside it. */
export function DeliverySection({
  addressId,
  address,
  error,
  onChange,
}: {
  addressId: string;
  address: string;
  error: string | null;
  onChange: (address: string) => void;
}) {
  return (
    <section className="card" aria-labelledby="delivery-heading">
      <h2 id="delivery-heading">Delivery</h2>
      <div className="field">
        <label htmlFor={addressId}>Delivery address</label>
        <textarea
          id={addressId}
          name="deliveryAddress"
          className="textarea"
          autoComplete="street-address"
          required
          maxLength={300}
          value={address}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${addressId}-error` : undefined}
        />
        {error ? (
          <p id={`${addressId}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** How the order is paid: one of the test cards, each with what it makes happen. */
export function PaymentSection({
  paymentMethod,
  onChange,
}: {
  paymentMethod: TestPaymentToken;
  onChange: (paymentMethod: TestPaymentToken) => void;
}) {
  return (
    <section className="card" aria-labelledby="payment-heading">
      <fieldset className="field">
        <legend id="payment-heading">
          <h2>Payment</h2>
        </legend>
        <p className="field-hint">
          This is a test shop: pick a test card to see what happens to an order in each case.
        </p>
        <div className="choice-list">
          {testPaymentMethods.map((method) => (
            <label key={method.token} className="choice">
              <input
                type="radio"
                name="paymentMethod"
                value={method.token}
                checked={paymentMethod === method.token}
                onChange={() => onChange(method.token)}
              />
              <span>
                <span className="choice-title">{method.label}</span>
                <span className="small muted">{method.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
