/**
 * The categories a payment channel belongs to (channels.csv `category`, CONTRACT §1). The loader's field
 * rule, the demo generator and the pages (recovered by category) all take them from here.
 */
export const CHANNEL_CATEGORIES = ['counter', 'bank', 'ppob', 'minimarket', 'post', 'marketplace', 'ewallet', 'collector'] as const;
export type ChannelCategory = (typeof CHANNEL_CATEGORIES)[number];

export function isChannelCategory(value: string): value is ChannelCategory {
  return (CHANNEL_CATEGORIES as readonly string[]).includes(value);
}
