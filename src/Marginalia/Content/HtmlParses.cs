namespace Marginalia.Content;

/// <summary>
/// What our code asks AngleSharp to parse, by what it is: the essay, a whole page, or a small fragment (a body, a
/// feed entry). A build can be tallied (<see cref="Tally"/>) so that a test holds "the essay is parsed once" and the
/// parse counts can be reported; outside a tally, counting costs one read of an AsyncLocal.
/// </summary>
internal static class HtmlParses
{
    private static readonly AsyncLocal<ParseTally?> Current = new();

    /// <summary>Counts every parse made from here on in this flow of execution (and the tasks it starts) into the returned tally.</summary>
    public static ParseTally Tally()
    {
        var tally = new ParseTally();
        Current.Value = tally;
        return tally;
    }

    public static void Count(ParsedHtml what) => Current.Value?.Add(what);
}

/// <summary>What a parse was of.</summary>
internal enum ParsedHtml
{
    Essay,
    Page,
    Fragment,
}

/// <summary>Parse counts by <see cref="ParsedHtml"/>, safe to add to from the build's parallel modules.</summary>
internal sealed class ParseTally
{
    private readonly int[] _counts = new int[Enum.GetValues<ParsedHtml>().Length];

    public void Add(ParsedHtml what) => Interlocked.Increment(ref _counts[(int)what]);

    public int this[ParsedHtml what] => Volatile.Read(ref _counts[(int)what]);

    public override string ToString() => $"essay {this[ParsedHtml.Essay]}, pages {this[ParsedHtml.Page]}, fragments {this[ParsedHtml.Fragment]}";
}
