/** kfp's sanitize_input_name: the name inputs and outputs get in the IR (`Hash algorithm` → `hash_algorithm`). */
export function sanitizeIoName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^_0-9a-z]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
