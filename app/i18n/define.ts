/**
 * How a feature declares its messages: the Indonesian text is the reference, and the English
 * dictionary must carry exactly the same keys (the type checker refuses a missing or extra key).
 * `{name}` in a message is replaced by the variable of that name.
 */
export function defineMessages<K extends string>(messages: {
  id: Record<K, string>;
  en: NoInfer<Record<K, string>>;
}): { id: Record<K, string>; en: Record<K, string> } {
  return messages;
}
