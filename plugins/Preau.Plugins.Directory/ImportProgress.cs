namespace Preau.Plugins.Directory;

/// <summary>The phases of an import, in order.</summary>
public enum ImportStage
{
    /// <summary>Reading and checking one file; <see cref="ImportProgress.Done"/> counts bytes.</summary>
    Reading,

    /// <summary>Checking the files against each other.</summary>
    Checking,

    /// <summary>Comparing with the directory; <see cref="ImportProgress.Done"/> counts people.</summary>
    Planning,

    /// <summary>The plan is ready.</summary>
    Done,
}

/// <summary>Where a long import stands, for a progress bar (CLI) or a progress field (API).</summary>
/// <param name="Stage">The phase.</param>
/// <param name="Item">The file being read, or what is being compared.</param>
/// <param name="Done">Units done in this phase (bytes while reading, people while planning).</param>
/// <param name="Total">Units in this phase, 0 when unknown.</param>
/// <param name="Message">A short French description (« Lecture de ElevesSansAdresses.xml »).</param>
public sealed record ImportProgress(ImportStage Stage, string Item, long Done, long Total, string Message)
{
    /// <summary>Fraction done in this phase, between 0 and 1 (0 when the total is unknown).</summary>
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);
}
