using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>An account as the planner sees it: Core's <c>Account</c> without its secrets. The lead's
/// mapping is field to field (<see cref="Kind"/> is <c>Profile</c>, <see cref="Role"/> is
/// <c>Function</c>, <see cref="Status"/> is <c>State</c>, <see cref="HasPassword"/> is
/// <c>PasswordHash is not null</c>).</summary>
public sealed record AccountRecord
{
    /// <summary>Stable identifier, never reused.</summary>
    public required string Id { get; init; }

    /// <summary>Lower-case login.</summary>
    public required string Login { get; init; }

    /// <summary>Profile.</summary>
    public required PersonKind Kind { get; init; }

    /// <summary>Staff function.</summary>
    public StaffRole Role { get; init; }

    /// <summary>State.</summary>
    public AccountStatus Status { get; init; } = AccountStatus.NotActivated;

    /// <summary>First name.</summary>
    public string FirstName { get; init; } = "";

    /// <summary>Family name.</summary>
    public string LastName { get; init; } = "";

    /// <summary>Name shown in headers and the directory.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The feed's identifier (INE or <c>eleve:&lt;ELEVE_ID&gt;</c>, PERSONNE_ID, STS id or
    /// <c>local:&lt;id&gt;</c>); accounts without one are never touched by an import.</summary>
    public string? ExternalId { get; init; }

    /// <summary>UAI of the account's establishment.</summary>
    public required string Uai { get; init; }

    /// <summary>Whether the account has a password (a returning account becomes Active rather than NotActivated).</summary>
    public bool HasPassword { get; init; }
}
