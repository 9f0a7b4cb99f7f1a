namespace Marginalia.Extensions;

/// <summary>The classes the weave writes into the essay, which the kinds' markers and the site's CSS and JS share.</summary>
internal static class WeaveMarkup
{
    /// <summary>A marked passage (a &lt;mark&gt;).</summary>
    public const string MarkClass = "note-mark";

    /// <summary>A marker after a passage (a numbered link to its note).</summary>
    public const string MarkerClass = "note-ref";
}
