namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>Where the external programs these tests drive are found; each may be moved with an environment variable.</summary>
internal static class Tools
{
    /// <summary>
    /// Debian's Chromium headless shell first (<c>apt-get install chromium-headless-shell</c>; the binary itself, as
    /// <c>/usr/bin/chromium-headless-shell</c> is a script that does not exec it): the same Blink and V8 without the
    /// browser's windows and toolbars, which is what Playwright itself runs for headless tests. Every browser test
    /// passes on either; the shell ran them in 4 min 43 s where the whole browser took 5 min 55 s. The whole browser,
    /// where it is the one installed.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultChromiums = ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"];

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("MARGINALIA_CHROMIUM") is { Length: > 0 } path
            ? path
            : DefaultChromiums.FirstOrDefault(File.Exists) ?? DefaultChromiums[0];

    public static bool ChromiumExists => File.Exists(ChromiumPath);

    /// <summary>The Nu HTML checker's jar: <c>VNU_JAR</c>, else where <c>.ci/run</c> installs it.</summary>
    public static string VnuJarPath(string repositoryRoot) =>
        Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } path
            ? path
            : Path.Combine(repositoryRoot, ".ci", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static void RequireChromium() =>
        Requirement.Require(
            !ChromiumExists,
            $"Chromium is required in CI (CI=true) but {ChromiumPath} does not exist; .ci/run installs it with `apt-get install -y chromium-headless-shell`.",
            $"Chromium not found at {ChromiumPath}; install it with `sudo apt-get install -y chromium-headless-shell` (or `chromium`), or point MARGINALIA_CHROMIUM at a Chromium binary.");

    public static void RequireVnu(string jar) =>
        Requirement.Require(
            !File.Exists(jar),
            $"The Nu HTML checker is required in CI (CI=true) but {jar} does not exist; .ci/run installs it with npm.",
            $"The Nu HTML checker is not at {jar}; run `npm install --prefix .ci/tools vnu-jar` in the repository, or set VNU_JAR to a vnu.jar.");
}
