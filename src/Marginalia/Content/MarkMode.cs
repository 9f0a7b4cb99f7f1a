namespace Marginalia.Content;

/// <summary>Which occurrences of a glossary term or an initiative mention are marked.</summary>
public enum MarkMode
{
    FirstPerSection,
    First,
    All,
}
