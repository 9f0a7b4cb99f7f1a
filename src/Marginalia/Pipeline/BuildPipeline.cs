using System.Collections.Immutable;

namespace Marginalia.Pipeline;

/// <summary>
/// A named sequence of modules in four phases, with the pipelines whose outputs it reads.
/// Subclasses fill the phase lists in their constructor.
/// </summary>
internal class BuildPipeline
{
    public BuildPipeline(string name, params string[] dependencies)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Dependencies = [.. dependencies];
    }

    public string Name { get; }

    public ImmutableArray<string> Dependencies { get; protected init; }

    public List<IModule> InputModules { get; } = [];

    public List<IModule> ProcessModules { get; } = [];

    public List<IModule> PostProcessModules { get; } = [];

    public List<IModule> OutputModules { get; } = [];

    public IReadOnlyList<IModule> ModulesOf(Phase phase) => phase switch
    {
        Phase.Input => InputModules,
        Phase.Process => ProcessModules,
        Phase.PostProcess => PostProcessModules,
        Phase.Output => OutputModules,
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    public override string ToString() => Name;
}
