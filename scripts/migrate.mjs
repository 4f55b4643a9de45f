// `npm run migrate [-- --test]`: creates each service's database if missing and applies its migrations.
// Needs a build (npm start and npm test do both).
import { loadLocalSecrets } from './lib/secrets.mjs';
import { stackSettings } from './lib/settings.mjs';
import { migrateAll, stackPlan } from './lib/stack.mjs';
import { say, StepError } from './lib/run.mjs';

try {
  const settings = stackSettings(process.argv.includes('--test') ? 'test' : 'dev');
  await migrateAll(await stackPlan(settings, loadLocalSecrets()));
  say('migrated.');
} catch (error) {
  say(error instanceof StepError ? `✖ ${error.message}` : `✖ ${error.stack ?? error}`);
  process.exit(1);
}
