// The wording of times is shared with the server's notices (shared/domain/time-words.ts).
export * from '../../../shared/domain/time-words';
