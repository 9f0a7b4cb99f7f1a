namespace Marginalia.Pipeline;

/// <summary>The phases every pipeline runs through, in this order.</summary>
internal enum Phase
{
    /// <summary>Reads sources. Runs at once for every pipeline: it may not read other pipelines.</summary>
    Input,

    /// <summary>Transforms documents. Starts when every declared dependency has finished; may read their outputs.</summary>
    Process,

    /// <summary>Finishing work that still belongs to this pipeline (e.g. rendering through layouts).</summary>
    PostProcess,

    /// <summary>Runs only when no pipeline reported an error; documents with a destination are written.</summary>
    Output,
}
