namespace Marginalia.Content;

/// <summary>Which occurrences of a glossary term or an initiative mention are marked.</summary>
internal enum MarkMode
{
    FirstPerSection,
    First,
    All,
}
