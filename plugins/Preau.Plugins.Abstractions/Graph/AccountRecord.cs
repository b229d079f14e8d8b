namespace Preau.Plugins.Graph;

/// <summary>An account as plugins read and write it. Passwords and notification addresses are not
/// part of it: a plugin never reads them, and writing an account never changes them.</summary>
public sealed record AccountRecord
{
    /// <summary>Stable identifier, never reused (for a feed, derive it from the feed's own id).</summary>
    public required string Id { get; init; }

    /// <summary>Lower-case login, the local part of the address: letters, digits, '.', '-', '_'.</summary>
    public required string Login { get; init; }

    /// <summary>First name (prénom).</summary>
    public string FirstName { get; init; } = "";

    /// <summary>Family name (nom).</summary>
    public string LastName { get; init; } = "";

    /// <summary>Name shown in headers and the directory.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The ENT profile.</summary>
    public required AccountProfile Profile { get; init; }

    /// <summary>The staff function.</summary>
    public AccountFunction Function { get; init; }

    /// <summary>Life-cycle state.</summary>
    public AccountStatus Status { get; init; }

    /// <summary>Identifier of the person, shared by the accounts of one person.</summary>
    public string? PersonId { get; init; }

    /// <summary>National identifier from the feed (INE, STS id, SIECLE person id).</summary>
    public string? ExternalId { get; init; }

    /// <summary>UAI of the establishment.</summary>
    public required string Uai { get; init; }
}
