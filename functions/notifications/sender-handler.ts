import { systemClock } from '../shared/clock.ts';
import { readConfig } from '../shared/config.ts';
import { dynamoClient } from '../shared/db/client.ts';
import { Table } from '../shared/db/table.ts';
import { OutboxRepo } from './outbox.repo.ts';
import { createSenderHandler } from './outbox-sender.ts';
import { awsTransport } from './transport-aws.ts';

/**
 * The sender Lambda: its own event source mapping on the table's stream passes it the outbox
 * messages only (new `outbox` items); it sends each through SES or End User Messaging SMS. Kept out
 * of the API bundle: it carries the two clients and nothing of the app.
 */
const config = readConfig();
const outbox = new OutboxRepo(new Table(dynamoClient(config), config.tableName));
const transport = awsTransport({
  region: config.region,
  fromEmail: config.notifyFromEmail,
  smsOrigination: config.notifySmsOrigination,
  smsConfigurationSet: config.notifySmsConfigurationSet,
});

export const handler = createSenderHandler(
  () => ({ outbox, clock: systemClock }),
  () => transport,
);
