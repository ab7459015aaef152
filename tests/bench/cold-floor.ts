import {
  DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/**
 * The floor `npm run bench:cold` measures the Lambdas against: the least an API on this stack can be
 * — a Hono app with @aws-sdk/client-dynamodb doing Get, Query and TransactWrite (its client made at
 * module scope, as AWS advises). Bundled with the stack's own options.
 */
const client = new DynamoDBClient({});
const table = process.env.TABLE_NAME ?? 'floor';
const app = new Hono();

app.get('/items/:id', async (c) =>
  c.json(await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: c.req.param('id') } } }))),
);
app.get('/lists/:id', async (c) =>
  c.json(
    await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: c.req.param('id') } },
      }),
    ),
  ),
);
app.post('/items/:id', async (c) =>
  c.json(
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { pk: { S: c.req.param('id') }, body: { S: await c.req.text() } },
            },
          },
        ],
      }),
    ),
  ),
);

export const handler = handle(app);
