using System.Diagnostics;

namespace Marginalia.Testing;

/// <summary>
/// Starts a validator's jar (EPUBCheck, the Nu HTML checker) the way a JVM that lives a few seconds is best started.
/// By default the JVM compiles hot code twice over (C1, then C2) on background threads and runs a parallel
/// collector; a run that ends in seconds never repays either, and on the 2-core test machine both took CPU from the
/// browser tests running beside it. The client compiler alone and the serial collector halved each run's CPU time
/// (the Nu checker over every page: about 6 s of CPU down to under 3 s). The client compiler's frames are larger, so
/// the Nu checker's deeply recursive schema needs a larger thread stack than its documented 512 KB.
/// Linked into both test projects (tests/Shared).
/// </summary>
internal static class ShortLivedJava
{
    public static readonly IReadOnlyList<string> Options = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m"];

    /// <summary>A start for <c>java [options] -jar jar arguments…</c>, with both output streams redirected.</summary>
    public static ProcessStartInfo StartJar(string java, string jar, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(java) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in Options.Concat(["-jar", jar]).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
