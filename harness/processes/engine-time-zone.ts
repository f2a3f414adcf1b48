/**
 * The time zone every engine process runs in (JVM `user.timezone`, `TZ`), so that local-time
 * renderings of TIMESTAMP_LTZ are the same on every machine; sessions that test time zones set their own.
 */
export const GATEWAY_TIME_ZONE = 'UTC';
