using System.Diagnostics;
using System.Text.Json;

namespace Marginalia.Tests.Support;

/// <summary>Properties of a project of this repository as MSBuild evaluates them (`dotnet msbuild -getProperty`), without building it.</summary>
public static class MsBuildEvaluation
{
    /// <param name="project">The project's path from the repository's root.</param>
    /// <param name="arguments">Global properties and switches, separated by spaces ("-p:_IsPublishing=true").</param>
    public static async Task<IReadOnlyDictionary<string, string>> Properties(string project, string arguments, params string[] names)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("msbuild");
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, project));
        start.ArgumentList.Add("-p:Configuration=Release");
        foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in names)
        {
            start.ArgumentList.Add("-getProperty:" + name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error + await output);

        // One property is printed as its bare value; several as JSON.
        if (names.Length == 1)
        {
            return new Dictionary<string, string> { [names[0]] = (await output).Trim() };
        }

        using var json = JsonDocument.Parse(await output);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
