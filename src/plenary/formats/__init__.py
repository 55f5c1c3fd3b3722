"""plenary's overrides of Django's locale formats (settings.FORMAT_MODULE_PATH), one
package per language: only what differs from Django's own."""
