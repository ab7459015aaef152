import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { OutboxMessage } from '../contract/user-notification.ts';
import { PermanentSendError, type Transport } from './transport.ts';

export interface AwsTransportOptions {
  readonly region: string;
  /** The verified SES identity's address (NOTIFY_FROM_EMAIL); undefined: e-mail is not configured. */
  readonly fromEmail: string | undefined;
  /** The End User Messaging SMS origination identity (NOTIFY_SMS_ORIGINATION); undefined: no SMS. */
  readonly smsOrigination: string | undefined;
  readonly smsConfigurationSet: string | undefined;
}

/** SES v2 errors that no retry will cure: the message is marked failed with the reason. */
const REFUSALS = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'BadRequestException',
  'NotFoundException',
  'ValidationException',
  'ResourceNotFoundException',
  'AccessDeniedException',
  'ConflictException',
  'ServiceQuotaExceededException',
]);

/**
 * E-mail through Amazon SES v2 (SendEmail, from the stack's verified identity) and SMS through AWS
 * End User Messaging SMS (SendTextMessage, transactional, from the configured origination identity).
 */
export function awsTransport(options: AwsTransportOptions): Transport {
  let ses: SESv2Client | undefined;
  let sms: PinpointSMSVoiceV2Client | undefined;
  const refusal = (error: unknown): never => {
    if (error instanceof Error && REFUSALS.has(error.name))
      throw new PermanentSendError(`${error.name}: ${error.message}`);
    throw error;
  };
  return {
    async send(message: OutboxMessage) {
      if (message.channel === 'email') {
        if (!options.fromEmail) throw new PermanentSendError('e-mail is not configured (NOTIFY_FROM_EMAIL)');
        ses ??= new SESv2Client({ region: options.region });
        const out = await ses
          .send(
            new SendEmailCommand({
              FromEmailAddress: options.fromEmail,
              Destination: { ToAddresses: [message.to] },
              Content: {
                Simple: {
                  Subject: { Data: message.subject, Charset: 'UTF-8' },
                  Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
                },
              },
            }),
          )
          .catch(refusal);
        return { providerId: out.MessageId ?? '' };
      }
      if (!options.smsOrigination)
        throw new PermanentSendError('SMS is not configured (NOTIFY_SMS_ORIGINATION)');
      sms ??= new PinpointSMSVoiceV2Client({ region: options.region });
      const out = await sms
        .send(
          new SendTextMessageCommand({
            DestinationPhoneNumber: message.to,
            OriginationIdentity: options.smsOrigination,
            MessageBody: message.text,
            MessageType: 'TRANSACTIONAL',
            ...(options.smsConfigurationSet ? { ConfigurationSetName: options.smsConfigurationSet } : {}),
          }),
        )
        .catch(refusal);
      return { providerId: out.MessageId ?? '' };
    },
  };
}
