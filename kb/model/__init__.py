"""Load and validate: languages, pages, glossary, bibliography, extracts, claims, verdicts,
redirects and interface words, each defined once. Nothing here renders or writes files."""
