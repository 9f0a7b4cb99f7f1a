namespace Marginalia.Text;

/// <summary>An occurrence of phrase number <see cref="Phrase"/> at [Start, End) of the searched text.</summary>
internal readonly record struct PhraseMatch(int Phrase, int Start, int End);
