using System.Runtime.CompilerServices;
using Marginalia.Contributions;
using Marginalia.Theme;

namespace Marginalia.Site;

/// <summary>
/// The libraries' one-time set-up, started on a thread of its own as a build begins. A process builds once (or, in the
/// preview, builds again with all of this done), and these tables are built on first use by whichever thread needs them
/// first while every other thread that needs them waits: AngleSharp's table of text encodings (it asks the runtime for
/// some 150 code pages, most of which throw), its named-entity table, HtmlSanitizer's CSS set-up and Fluid's grammar
/// were about 8 ms of a 120 ms native build of <c>input/</c>, taken while the reading of the contributions waited.
/// Started here, they are built on the core that is idle while the settings are read and the sources listed.
/// </summary>
internal static class LibraryWarmup
{
    private static int _started;

    /// <summary>Starts the set-up once per process; returns at once. Whatever it fails at fails again, reported, where it is used.</summary>
    public static Task Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return Task.CompletedTask;
        }

        return Task.Run(() =>
        {
            try
            {
                // A body's cleaning parses HTML: AngleSharp's encodings, entities and element factory, HtmlSanitizer's defaults.
                ContributedMarkdown.Sanitize("<p>a &amp; b</p>");
                RuntimeHelpers.RunClassConstructor(typeof(LayoutParser).TypeHandle);
            }
#pragma warning disable CA1031 // Warming up must never fail a build: the real use reports the problem with its file.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        });
    }
}
