using LiteDB;
using Preau.Core.Rights;

namespace Preau.Storage.LiteDb;

/// <summary>An administrator's grant override; the id is <c>right|kind|value</c>.</summary>
internal sealed class GrantOverrideDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Right { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Value { get; set; } = "";

    public bool Granted { get; set; }

    public string ChangedBy { get; set; } = "";

    public long ChangedAt { get; set; }

    public static string Key(string right, Grantee grantee) => $"{right}|{grantee.Kind}|{grantee.Value}";

    public static GrantOverrideDoc Of(GrantOverride o) => new()
    {
        Id = Key(o.Right, o.Grantee),
        Right = o.Right,
        Kind = o.Grantee.Kind.ToString(),
        Value = o.Grantee.Value,
        Granted = o.Granted,
        ChangedBy = o.ChangedBy,
        ChangedAt = Ticks.Of(o.ChangedAt),
    };

    public GrantOverride ToRecord() =>
        new(Right, new Grantee(Enum.Parse<GranteeKind>(Kind), Value), Granted, ChangedBy, Ticks.ToDate(ChangedAt));
}

/// <summary>A delegation; the id is the delegate's account id.</summary>
internal sealed class DelegationDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Login { get; set; } = "";

    public string GrantedBy { get; set; } = "";

    public long GrantedAt { get; set; }

    public long? Until { get; set; }

    public static DelegationDoc Of(Delegation d) => new()
    {
        Id = d.AccountId,
        Login = d.Login,
        GrantedBy = d.GrantedBy,
        GrantedAt = Ticks.Of(d.GrantedAt),
        Until = d.Until is { } until ? Ticks.Of(until) : null,
    };

    public Delegation ToRecord() =>
        new(Id, Login, GrantedBy, Ticks.ToDate(GrantedAt), Until is { } until ? Ticks.ToDate(until) : null);
}

/// <summary>An ENT role held in a school; the id is <c>uai|role|accountId</c>.</summary>
internal sealed class EntRoleDoc
{
    [BsonId(false)]
    public string Id { get; set; } = "";

    public string Uai { get; set; } = "";

    public string Role { get; set; } = "";

    public string AccountId { get; set; } = "";

    public string Login { get; set; } = "";

    public string AssignedBy { get; set; } = "";

    public long AssignedAt { get; set; }

    public static string Key(string uai, EntRole role, string accountId) => $"{uai}|{role}|{accountId}";

    public static EntRoleDoc Of(EntRoleAssignment a) => new()
    {
        Id = Key(a.Uai, a.Role, a.AccountId),
        Uai = a.Uai,
        Role = a.Role.ToString(),
        AccountId = a.AccountId,
        Login = a.Login,
        AssignedBy = a.AssignedBy,
        AssignedAt = Ticks.Of(a.AssignedAt),
    };

    public EntRoleAssignment ToRecord() =>
        new(Uai, Enum.Parse<EntRole>(Role), AccountId, Login, AssignedBy, Ticks.ToDate(AssignedAt));
}
