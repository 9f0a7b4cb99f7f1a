namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>Where the external programs these tests drive are found; each may be moved with an environment variable.</summary>
internal static class Tools
{
    public const string DefaultChromium = "/usr/bin/chromium";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("MARGINALIA_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    public static bool ChromiumExists => File.Exists(ChromiumPath);

    /// <summary>The Nu HTML checker's jar: <c>VNU_JAR</c>, else where <c>.ci/run</c> installs it.</summary>
    public static string VnuJarPath(string repositoryRoot) =>
        Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } path
            ? path
            : Path.Combine(repositoryRoot, ".ci", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static void RequireChromium() =>
        Requirement.Require(
            !ChromiumExists,
            $"Chromium is required in CI (CI=true) but {ChromiumPath} does not exist; .ci/run installs it with `apt-get install -y chromium`.",
            $"Chromium not found at {ChromiumPath}; install it with `sudo apt-get install -y chromium`, or point MARGINALIA_CHROMIUM at a Chromium binary.");

    public static void RequireVnu(string jar) =>
        Requirement.Require(
            !File.Exists(jar),
            $"The Nu HTML checker is required in CI (CI=true) but {jar} does not exist; .ci/run installs it with npm.",
            $"The Nu HTML checker is not at {jar}; run `npm install --prefix .ci/tools vnu-jar` in the repository, or set VNU_JAR to a vnu.jar.");
}
