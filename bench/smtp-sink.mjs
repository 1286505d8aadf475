// The benches' SMTP server: a real smtp-server on 127.0.0.1 in its own process (forked by
// bench/smtp-sink.ts), so its parsing neither shares the pipeline's core nor shows in the memory
// of the side being measured. It keeps nothing of a message but when it arrived (server clock),
// its Message-ID and its size, and reports each (and each new connection) to the parent.
import { SMTPServer } from 'smtp-server';

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  disableReverseLookup: true,
  // A batch over one connection is a long session: no per-connection message limit here.
  maxClients: 10,
  onConnect(_session, callback) {
    process.send?.({ type: 'connection' });
    callback();
  },
  onData(stream, _session, callback) {
    let head = '';
    let bytes = 0;
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      if (head.length < 4096) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const messageId = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? '';
      process.send?.({ type: 'delivery', at: Date.now(), messageId, bytes });
      callback();
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: server.server.address().port });
});
process.on('disconnect', () => process.exit(0));
