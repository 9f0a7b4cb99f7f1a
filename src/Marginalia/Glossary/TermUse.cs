using System.Collections.Immutable;

namespace Marginalia.Glossary;

/// <summary>A term and the paragraphs (ids, in reading order) whose text uses it; <see cref="Marked"/> if any use is marked.</summary>
internal sealed record TermUse(GlossaryTerm Term, ImmutableArray<string> ParagraphIds, bool Marked);
