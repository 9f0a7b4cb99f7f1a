using Marginalia.Contributions;

namespace Marginalia.Extensions;

/// <summary>A source cited by one piece of a kind: the piece's label ("Glossary: GPAI") and its site path ("glossary/index.html#gpai").</summary>
internal sealed record Citation(NoteSource Source, string Label, string Target);
