using Marginalia.Pipeline;

namespace Marginalia.Extensions;

/// <summary>
/// What a kind adds to the woven essay. The reader pipeline calls, for every registered kind: <see cref="Load"/>
/// (its files and settings), <see cref="Prepare"/> for every kind at once, then <see cref="Match"/> in order of
/// <see cref="Precedence"/> (its ranges on the essay's text), weaves every range into the DOM once, then
/// <see cref="AfterWeave"/>, numbers the markers, then <see cref="Collect"/> and <see cref="Complete"/> in registration
/// order.
/// </summary>
internal interface IWeaveContributor
{
    /// <summary>The pipeline that reads this kind's files, which the reader waits for; none for a kind the essay holds.</summary>
    string? LoaderPipeline { get; }

    /// <summary>A new instance of the pipeline named by <see cref="LoaderPipeline"/>, for the site's list of pipelines.</summary>
    BuildPipeline? CreateLoader();

    /// <summary>Lower claims first: a range a kind claims is kept from the kinds after it where it would be a link.</summary>
    int Precedence { get; }

    /// <summary>Puts what the kind needs from its loader's outputs and the site's settings into the weave's inputs.</summary>
    Metadata Load(IExecutionContext context, Metadata inputs);

    /// <summary>
    /// The part of finding the kind's ranges that needs nothing another kind claims: the reader runs every kind's at
    /// once, on as many cores as there are, before <see cref="Match"/>. It may read the context's essay, text index and
    /// inputs, report to its diagnostics, and hand what it found to its <see cref="Match"/> through
    /// <see cref="WeaveContext.Keep{T}"/>; nothing else of the context, and never the DOM, which is not safe to share.
    /// </summary>
    void Prepare(WeaveContext context)
    {
    }

    /// <summary>Finds the kind's ranges on the essay's text, reporting what it cannot place.</summary>
    void Match(WeaveContext context);

    /// <summary>Works on the woven DOM before the markers are numbered (a kind whose markers the essay itself holds).</summary>
    void AfterWeave(WeaveContext context)
    {
    }

    /// <summary>Hands on what the kind found (with the markers' numbers), its xref targets and its bodies' xrefs.</summary>
    void Collect(WeaveContext context);

    /// <summary>Finishes what several kinds collected together, after every kind's <see cref="Collect"/>.</summary>
    void Complete(WeaveContext context)
    {
    }
}
