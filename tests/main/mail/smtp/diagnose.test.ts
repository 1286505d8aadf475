// The mapping from nodemailer errors and SMTP replies to what the queue does, for the replies
// real providers send (Gmail, Microsoft 365, Orange, Postfix) that a loopback server cannot
// easily produce: each code with its kind, and the "slow down" replies flagged.
import { describe, expect, it } from 'vitest';
import { classify, enhancedStatus } from '../../../../src/main/mail/smtp/diagnose';

const reply = (command: string, response: string, code = 'EENVELOPE') => ({
  code,
  command,
  response,
  responseCode: Number(response.slice(0, 3)),
});

describe('classify', () => {
  it.each([
    [
      reply('AUTH PLAIN', '535 5.7.8 Username and Password not accepted', 'EAUTH'),
      'SMTP_AUTH_FAILED',
      'pause',
    ],
    [
      reply(
        'AUTH XOAUTH2',
        '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
        'EAUTH',
      ),
      'SMTP_AUTH_DISABLED',
      'pause',
    ],
    [
      reply(
        'AUTH LOGIN',
        '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.',
        'EAUTH',
      ),
      'SMTP_AUTH_DISABLED',
      'pause',
    ],
    [
      reply('AUTH XOAUTH2', '535 5.7.3 Authentication unsuccessful', 'EAUTH'),
      'SMTP_OAUTH_REJECTED',
      'pause',
    ],
    [
      reply('AUTH PLAIN', '534-5.7.9 Application-specific password required', 'EAUTH'),
      'SMTP_AUTH_APP_PASSWORD',
      'pause',
    ],
    [
      reply('MAIL FROM', '530 5.7.0 Must issue a STARTTLS command first'),
      'SMTP_ENCRYPTION_REQUIRED',
      'pause',
    ],
    [
      reply('MAIL FROM', '530 5.7.57 Client not authenticated to send mail'),
      'SMTP_AUTH_REQUIRED',
      'pause',
    ],
    [reply('RCPT TO', '554 5.7.1 <x@y.fr>: Relay access denied'), 'SMTP_RELAY_REFUSED', 'pause'],
    [reply('MAIL FROM', '550 5.1.0 Sender address rejected'), 'SMTP_SENDER_REFUSED', 'pause'],
    [
      reply('DATA', '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException', 'EMESSAGE'),
      'SMTP_SENDER_REFUSED',
      'pause',
    ],
    [
      reply('RCPT TO', '550 5.1.1 <inconnu@orange.fr>: Recipient address rejected'),
      'SMTP_RECIPIENT_REFUSED',
      'permanent',
    ],
    [
      reply('DATA', '552 5.3.4 Message size exceeds fixed limit', 'EMESSAGE'),
      'SMTP_MESSAGE_TOO_LARGE',
      'permanent',
    ],
    [
      reply('DATA', '550 5.7.1 Message rejected as spam', 'EMESSAGE'),
      'SMTP_MESSAGE_REFUSED',
      'permanent',
    ],
    [
      reply('DATA', '550 5.4.5 Daily user sending quota exceeded', 'EMESSAGE'),
      'SMTP_DAILY_LIMIT',
      'pause',
    ],
    [
      reply('MAIL FROM', '451 4.7.1 Please try again later, rate limited'),
      'SMTP_RATE_LIMITED',
      'temporary',
    ],
    [
      reply('CONN', '421 4.3.2 Service not available, closing channel', 'ECONNECTION'),
      'SMTP_SERVER_BUSY',
      'temporary',
    ],
    [reply('RCPT TO', '450 4.2.0 Greylisted, try again'), 'SMTP_SERVER_BUSY', 'temporary'],
    [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'SMTP_PORT_BLOCKED', 'temporary'],
    [{ code: 'ETIMEDOUT', timeoutType: 'CONNECT_TIMEOUT' }, 'SMTP_PORT_BLOCKED', 'temporary'],
    [{ code: 'EDNS', originalCode: 'ENOTFOUND' }, 'SMTP_HOST_NOT_FOUND', 'temporary'],
    [{ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' }, 'SMTP_TIMEOUT', 'temporary'],
    [
      { code: 'ECONNECTION', message: 'Connection closed unexpectedly' },
      'SMTP_CONNECTION_LOST',
      'temporary',
    ],
    [
      { code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER' },
      'SMTP_TLS_MISMATCH',
      'pause',
    ],
    [{ code: 'ETLS', message: 'Error initiating TLS' }, 'SMTP_TLS_MISMATCH', 'pause'],
    [{ code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED' }, 'SMTP_CERT_UNTRUSTED', 'pause'],
    [new Error('boom'), 'SMTP_UNKNOWN', 'temporary'],
  ] as const)('%o → %s (%s)', (error, code, kind) => {
    const result = classify(error);
    expect(result).toMatchObject({ code, kind });
    expect(result.message.length).toBeGreaterThan(40);
  });

  it('asks to slow down on 421, 450, 451 and 4.7.x, not on a refused recipient', () => {
    expect(classify(reply('MAIL FROM', '451 4.7.1 rate limited')).slowDown).toBe(true);
    expect(classify(reply('CONN', '421 4.3.2 busy', 'ECONNECTION')).slowDown).toBe(true);
    expect(classify(reply('MAIL FROM', '450 4.2.1 try later')).slowDown).toBe(true);
    expect(classify(reply('RCPT TO', '550 5.1.1 unknown')).slowDown).toBe(false);
    expect(classify(reply('RCPT TO', '452 4.2.2 Mailbox full')).serverWide).toBe(false);
  });

  it('reads the enhanced status code of a reply', () => {
    expect(enhancedStatus('535 5.7.8 Error: authentication failed')).toBe('5.7.8');
    expect(enhancedStatus('250-2.1.0 Ok')).toBe('2.1.0');
    expect(enhancedStatus('421 Service not available')).toBeNull();
  });
});
