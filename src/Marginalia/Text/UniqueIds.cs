namespace Marginalia.Text;

/// <summary>Hands out ids unique within one page: a repeat gets "-2", "-3", … in document order, so ids are stable.</summary>
internal sealed class UniqueIds
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Claim(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (_used.Add(id))
        {
            return id;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{id}-{n}";
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
