using System.Runtime.CompilerServices;
using System.Text;

namespace Marginalia.Text;

/// <summary>
/// Answers the runtime's <see cref="Encoding.GetEncoding(string)"/> for the legacy encodings that AngleSharp's table
/// of character sets names, with encodings made only when something encodes or decodes with them
/// (<see cref="DeferredEncoding"/>).
/// </summary>
/// <remarks>
/// AngleSharp registers the runtime's code-pages provider and, on its first parse, asks it for some 35 legacy
/// encodings by name (windows-1252, Big5, GB18030, Shift_JIS…). Each one is built on the spot, with its mapping
/// tables: 5 to 11 ms of CPU and 1,300 page faults in every build, for encodings no build uses, since a build parses
/// only text it has itself decoded as UTF-8 (docs/performance-history.md). Providers are asked in the order they were
/// registered, so this one is registered as the library loads (<see cref="Register"/>), before any AngleSharp call.
/// A name it does not know goes on to the code-pages provider, as before, and an unknown name still fails.
/// </remarks>
internal sealed class DeferredCodePages : EncodingProvider
{
    /// <summary>
    /// The names AngleSharp asks for that the code-pages provider serves, with their code pages (a test checks each
    /// against that provider). Case does not matter, as for the runtime. A plain dictionary: a frozen one's making
    /// compiles code at start-up under ReadyToRun, which has none of it precompiled.
    /// </summary>
    internal static IReadOnlyDictionary<string, int> CodePages { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["big5"] = 950,
        ["cp866"] = 866,
        ["euc-jp"] = 51932,
        ["euc-kr"] = 51949,
        ["GB18030"] = 54936,
        ["hz-gb-2312"] = 52936,
        ["iso-2022-jp"] = 50220,
        ["iso-2022-kr"] = 50225,
        ["iso-8859-2"] = 28592,
        ["iso-8859-3"] = 28593,
        ["iso-8859-4"] = 28594,
        ["iso-8859-5"] = 28595,
        ["iso-8859-6"] = 28596,
        ["iso-8859-7"] = 28597,
        ["iso-8859-8"] = 28598,
        ["iso-8859-8-i"] = 38598,
        ["iso-8859-13"] = 28603,
        ["iso-8859-15"] = 28605,
        ["koi8-r"] = 20866,
        ["koi8-u"] = 21866,
        ["ks_c_5601-1987"] = 949,
        ["macintosh"] = 10000,
        ["shift_jis"] = 932,
        ["windows-874"] = 874,
        ["windows-1250"] = 1250,
        ["windows-1251"] = 1251,
        ["windows-1252"] = 1252,
        ["windows-1253"] = 1253,
        ["windows-1254"] = 1254,
        ["windows-1255"] = 1255,
        ["windows-1256"] = 1256,
        ["windows-1257"] = 1257,
        ["windows-1258"] = 1258,
        ["x-cp20936"] = 20936,
        ["x-cp50227"] = 50227,
        ["x-mac-cyrillic"] = 10007,
    };

    private static readonly DeferredCodePages Instance = new();

    private DeferredCodePages()
    {
    }

    /// <summary>Registers the provider once per process; a second call changes nothing.</summary>
    // A module initializer, because the order of registration is what counts: it runs before any code of this library,
    // so before any of its AngleSharp calls, in every process that builds (the CLI, the preview, the tests).
#pragma warning disable CA2255 // This library is the application's own, not one for others to reference.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => Encoding.RegisterProvider(Instance);

    public override Encoding? GetEncoding(string name) =>
        CodePages.TryGetValue(name, out var codePage) ? new DeferredEncoding(codePage) : null;

    // By number the runtime's own encodings and the code-pages provider answer as before: nothing asks by number at
    // start-up.
    public override Encoding? GetEncoding(int codepage) => null;
}
