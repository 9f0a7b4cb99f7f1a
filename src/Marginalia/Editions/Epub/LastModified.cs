using Marginalia.Extensions;

namespace Marginalia.Editions.Epub;

/// <summary>
/// When the edition last changed: the newest of the dates the kinds of annotation give (<see cref="IBookContributor.Dates"/>:
/// when their pieces were created or updated), else the essay's publication date. Taken from the input and never from
/// the clock, so rebuilding an unchanged input changes no byte.
/// </summary>
internal static class LastModified
{
    /// <summary>The date used when the input dates nothing (a bare essay): the earliest a zip entry can carry.</summary>
    public static readonly DateOnly Fallback = new(1980, 1, 1);

    public static DateOnly Of(ReaderResult reader, IEnumerable<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(dates);
        var all = dates.ToList();
        var newest = all.Count > 0 ? all.Max() : reader.Essay.Info.Published ?? Fallback;
        return newest < Fallback ? Fallback : newest;
    }
}
