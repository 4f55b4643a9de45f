type Fields = Record<string, unknown>;

function write(level: 'info' | 'warn' | 'error', message: string, fields: Fields) {
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    service: 'web',
    message,
    ...fields,
  });
  if (level === 'info') console.log(line);
  else console.error(line);
}

/** One JSON line per event, like the services' logs; never a password or a token. */
export const serverLog = {
  info: (message: string, fields: Fields = {}) => write('info', message, fields),
  warn: (message: string, fields: Fields = {}) => write('warn', message, fields),
  error: (message: string, fields: Fields = {}) => write('error', message, fields),
};
