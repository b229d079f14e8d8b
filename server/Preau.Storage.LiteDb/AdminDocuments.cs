using LiteDB;
using Preau.Core.Policy;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

/// <summary>The policy switches: a single document.</summary>
internal sealed class PolicyStateDoc
{
    /// <summary>The id of the only document.</summary>
    public const string SingleId = "current";

    [BsonId(false)]
    public string Id { get; set; } = SingleId;

    public bool PupilSendingStopped { get; set; }

    public bool ExternalOpenForAllPupils { get; set; }

    public List<string> ExternalOpenLevels { get; set; } = [];

    public List<string> ExternalOpenClasses { get; set; } = [];

    public static PolicyStateDoc Of(PolicyState s) => new()
    {
        PupilSendingStopped = s.PupilSendingStopped,
        ExternalOpenForAllPupils = s.ExternalOpenForAllPupils,
        ExternalOpenLevels = [.. s.ExternalOpenLevels],
        ExternalOpenClasses = [.. s.ExternalOpenClasses],
    };

    public PolicyState ToRecord() => new(PupilSendingStopped, ExternalOpenForAllPupils, ExternalOpenLevels, ExternalOpenClasses);
}

/// <summary>An audit entry; the auto-incremented id is the append order.</summary>
internal sealed class AuditDoc
{
    [BsonId(true)]
    public long Id { get; set; }

    public long At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string Detail { get; set; } = "";

    public static AuditDoc Of(AuditEntry e) => new() { At = Ticks.Of(e.At), Actor = e.Actor, Action = e.Action, Detail = e.Detail };

    public AuditEntry ToRecord() => new(Ticks.ToDate(At), Actor, Action, Detail) { Id = Id };
}
