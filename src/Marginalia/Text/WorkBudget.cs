namespace Marginalia.Text;

/// <summary>
/// How many cells of edit-distance work (phrase length × text length) the searches of one stage may still do in a
/// build. Approximate searches only explain or repair notes, mentions and quotes already wrong; each costs the essay's
/// length times the phrase's, so without a budget a few hundred wrong phrases against a long essay would cost minutes.
/// A stage spends it in file order, so which searches run is the same on every build.
/// </summary>
internal sealed class WorkBudget(long cells)
{
    /// <summary>The budget a stage starts with: about a third of a second of work on this project's machine (see notes/limits.md).</summary>
    public const long PerStage = 100_000_000;

    public long Remaining { get; private set; } = cells;

    /// <summary>A fresh budget of <see cref="PerStage"/> cells.</summary>
    public static WorkBudget ForStage() => new(PerStage);

    /// <summary>Takes <paramref name="cost"/> cells if that many are left; false (taking nothing) otherwise.</summary>
    public bool TrySpend(long cost)
    {
        if (cost > Remaining)
        {
            return false;
        }

        Remaining -= cost;
        return true;
    }
}
