namespace Marginalia.Theme;

/// <summary>
/// The variables one page's layout sees, each a typed model registered with Fluid (<see cref="LayoutModels"/>).
/// Named here, rather than as members of one class, because the kinds of annotation add their own: the pages
/// pipeline names no kind, so it cannot know their members. A layout that reads a variable no one set fails the build.
/// </summary>
internal sealed class PageModel
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, object?>> Values => _values;

    /// <summary>Sets a variable; null is a defined variable with no value, which Liquid treats as false.</summary>
    public void Set(string name, object? value) => _values[name] = value;

    public object? Get(string name) => _values.GetValueOrDefault(name);
}
