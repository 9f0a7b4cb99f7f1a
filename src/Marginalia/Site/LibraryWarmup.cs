using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Theme;

namespace Marginalia.Site;

/// <summary>
/// The libraries' first use, made on a thread of its own as a build begins. Each library the build uses pays once per
/// process to set itself up, on whichever thread needs it first while the others that need it wait: AngleSharp's table
/// of text encodings (it asks the runtime for some 40 legacy code pages), its named entities,
/// HtmlSanitizer's CSS set-up, Fluid's grammar; and, where the code is not compiled ahead of time as a whole
/// (ReadyToRun, the JIT), loading every type of Markdig, AngleSharp, NUglify and Fluid the build touches. Made here, in
/// the order the build first needs them, that work runs on the core that is idle while the command line is read, the
/// settings parsed and the sources listed. It changes nothing a build makes: each call is one a build makes anyway,
/// on text of its own.
/// </summary>
internal static class LibraryWarmup
{
    private static int _started;

    /// <summary>Starts the warm-up once per process; returns at once. Whatever it fails at fails again, reported, where it is used.</summary>
    public static Task Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return Task.CompletedTask;
        }

        // Code compiled ahead of time as a whole (Native AOT) loads no types: there only the tables are worth building
        // early, and the rest would take a core from the build for nothing (2 % in alternating runs).
        var compiledAtRunTime = System.Runtime.JitInfo.GetCompiledMethodCount() > 0;
        return Task.Run(() =>
        {
            try
            {
                Run(compiledAtRunTime, new DiagnosticBag());
            }
#pragma warning disable CA1031 // Warming up must never fail a build: the real use reports the problem with its file.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        });
    }

    /// <summary>
    /// The calls themselves, each one a build makes, in the order it first makes them: the settings' and every front
    /// matter's YAML, then every body's cleaning (AngleSharp with HtmlSanitizer, the slowest to set up: about 70 ms of
    /// type loading under ReadyToRun), the essay's and the bodies' Markdown, the theme's minification, the layouts.
    /// </summary>
    /// <param name="compiledAtRunTime">Also the calls that only load types (the JIT and ReadyToRun).</param>
    /// <param name="diagnostics">Where a call that the build would refuse reports it.</param>
    internal static void Run(bool compiledAtRunTime, DiagnosticBag diagnostics)
    {
        if (compiledAtRunTime)
        {
            SafeYaml.LoadMapping("title: A\nlist:\n  - \"b\"\n", "warm.yml", 1, diagnostics);
        }

        ContributedMarkdown.Sanitize("<h2>A</h2><p>b <em>c</em> &amp; <a href=\"https://example.org/\">d</a></p><table><tr><td>e</td></tr></table>");
        if (compiledAtRunTime)
        {
            MarkdownRenderer.ToHtml("# A\n\nB *c* and [d](https://example.org/e \"f\").\n\n| g | h |\n|---|---|\n| 1 | 2 |\n");
            AssetMinifier.Minify("warm.js", "function f(a) { var b = a + 1; return b * 2; }\nwindow.g = f;\n");
            AssetMinifier.Minify("warm.css", ".a > .b { color: #ff0000; margin: 0 auto; }\n@media (min-width: 40em) { .a { display: grid; } }\n");
        }

        LayoutParser.Parse("{% if a %}{{ b | escape }}{% endif %}{% for c in d %}{{ c }}{% endfor %}", "warm.liquid", diagnostics);
    }
}
