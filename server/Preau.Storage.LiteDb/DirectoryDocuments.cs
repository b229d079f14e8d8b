using LiteDB;
using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Storage.LiteDb;

// Storage shapes of the establishment graph. Enums are stored by name (LiteDB's default), so that
// reordering an enum never changes the meaning of stored data.

/// <summary>An account.</summary>
internal sealed class AccountDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Login { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public Profile Profile { get; set; }

    public StaffFunction Function { get; set; }

    public AccountState State { get; set; }

    public string? PasswordHash { get; set; }

    public string? NotificationAddress { get; set; }

    public string? PersonId { get; set; }

    public string? ExternalId { get; set; }

    public string Uai { get; set; } = "";

    public long? QuotaBytes { get; set; }

    public static AccountDoc Of(Account a) => new()
    {
        Id = a.Id,
        Login = a.Login,
        FirstName = a.FirstName,
        LastName = a.LastName,
        DisplayName = a.DisplayName,
        Profile = a.Profile,
        Function = a.Function,
        State = a.State,
        PasswordHash = a.PasswordHash,
        NotificationAddress = a.NotificationAddress,
        PersonId = a.PersonId,
        ExternalId = a.ExternalId,
        Uai = a.Uai,
        QuotaBytes = a.QuotaBytes,
    };

    public Account ToRecord() => new()
    {
        Id = Id,
        Login = Login,
        FirstName = FirstName,
        LastName = LastName,
        DisplayName = DisplayName,
        Profile = Profile,
        Function = Function,
        State = State,
        PasswordHash = PasswordHash,
        NotificationAddress = NotificationAddress,
        PersonId = PersonId,
        ExternalId = ExternalId,
        Uai = Uai,
        QuotaBytes = QuotaBytes,
    };
}

/// <summary>An establishment, keyed by UAI.</summary>
internal sealed class EstablishmentDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public static EstablishmentDoc Of(Establishment e) => new() { Id = e.Uai, Name = e.Name };

    public Establishment ToRecord() => new(Id, Name);
}

/// <summary>A level, keyed by code.</summary>
internal sealed class LevelDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public int Order { get; set; }

    public static LevelDoc Of(Level l) => new() { Id = l.Code, Name = l.Name, Order = l.Order };

    public Level ToRecord() => new(Id, Name, Order);
}

/// <summary>A class or group, keyed by code.</summary>
internal sealed class StructureDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public StructureKind Kind { get; set; }

    public string? LevelCode { get; set; }

    public List<string> ClassCodes { get; set; } = [];

    public static StructureDoc Of(Structure s) =>
        new() { Id = s.Code, Name = s.Name, Kind = s.Kind, LevelCode = s.LevelCode, ClassCodes = [.. s.ClassCodes] };

    public Structure ToRecord() => new(Id, Name, Kind, LevelCode, ClassCodes);
}

/// <summary>A subject, keyed by code.</summary>
internal sealed class SubjectDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public static SubjectDoc Of(Subject s) => new() { Id = s.Code, Name = s.Name };

    public Subject ToRecord() => new(Id, Name);
}

/// <summary>A rubrique, keyed by id.</summary>
internal sealed class RubriqueDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public bool DiffusionList { get; set; }

    public static RubriqueDoc Of(Rubrique r) => new() { Id = r.Id, Name = r.Name, DiffusionList = r.DiffusionList };

    public Rubrique ToRecord() => new(Id, Name, DiffusionList);
}

/// <summary>A relation row; its id is made of its natural key, so re-importing it is an upsert.</summary>
internal interface IRelationDoc
{
    string Id { get; }

    /// <summary>The accounts the row is about: it is replaced when any of them is re-imported.</summary>
    IEnumerable<string> AccountIds();
}

/// <summary>A pupil in a class or group.</summary>
internal sealed class MembershipDoc : IRelationDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string PupilId { get; set; } = "";

    public string StructureCode { get; set; } = "";

    public static MembershipDoc Of(StructureMembership m) =>
        new() { Id = RelationKey.Of(m.PupilId, m.StructureCode), PupilId = m.PupilId, StructureCode = m.StructureCode };

    public IEnumerable<string> AccountIds() => [PupilId];

    public StructureMembership ToRecord() => new(PupilId, StructureCode);
}

/// <summary>A responsable linked to a pupil.</summary>
internal sealed class ParentLinkDoc : IRelationDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string ParentId { get; set; } = "";

    public string PupilId { get; set; } = "";

    public int LegalLevel { get; set; }

    public static ParentLinkDoc Of(ParentLink l) =>
        new() { Id = RelationKey.Of(l.ParentId, l.PupilId), ParentId = l.ParentId, PupilId = l.PupilId, LegalLevel = l.LegalLevel };

    public IEnumerable<string> AccountIds() => [ParentId, PupilId];

    public ParentLink ToRecord() => new(ParentId, PupilId, LegalLevel);
}

/// <summary>A teaching service.</summary>
internal sealed class TeachingDoc : IRelationDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string TeacherId { get; set; } = "";

    public string SubjectCode { get; set; } = "";

    public string StructureCode { get; set; } = "";

    public bool ProfPrincipal { get; set; }

    public static TeachingDoc Of(Teaching t) => new()
    {
        Id = RelationKey.Of(t.TeacherId, t.SubjectCode, t.StructureCode),
        TeacherId = t.TeacherId,
        SubjectCode = t.SubjectCode,
        StructureCode = t.StructureCode,
        ProfPrincipal = t.ProfPrincipal,
    };

    public IEnumerable<string> AccountIds() => [TeacherId];

    public Teaching ToRecord() => new(TeacherId, SubjectCode, StructureCode, ProfPrincipal);
}

/// <summary>An account in a rubrique.</summary>
internal sealed class RubriqueMemberDoc : IRelationDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string RubriqueId { get; set; } = "";

    public string AccountId { get; set; } = "";

    public static RubriqueMemberDoc Of(RubriqueMembership m) =>
        new() { Id = RelationKey.Of(m.RubriqueId, m.AccountId), RubriqueId = m.RubriqueId, AccountId = m.AccountId };

    public IEnumerable<string> AccountIds() => [AccountId];

    public RubriqueMembership ToRecord() => new(RubriqueId, AccountId);
}

/// <summary>Joins key parts with a control character that no code or id contains.</summary>
internal static class RelationKey
{
    public static string Of(params string[] parts) => string.Join('\u001f', parts);
}
