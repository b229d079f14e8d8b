namespace Preau.Core.Policy;

/// <summary>Switches the administrator flips at runtime (the rule table itself is configuration).</summary>
/// <param name="PupilSendingStopped">Emergency stop: no pupil may send anything.</param>
/// <param name="ExternalOpenForAllPupils">Pupils may write outside the school and receive from it.</param>
/// <param name="ExternalOpenLevels">Level codes whose pupils may.</param>
/// <param name="ExternalOpenClasses">Class codes whose pupils may.</param>
public sealed record PolicyState(
    bool PupilSendingStopped,
    bool ExternalOpenForAllPupils,
    IReadOnlyList<string> ExternalOpenLevels,
    IReadOnlyList<string> ExternalOpenClasses)
{
    /// <summary>Nothing stopped, external mail closed for pupils.</summary>
    public static PolicyState Default { get; } = new(false, false, [], []);
}
