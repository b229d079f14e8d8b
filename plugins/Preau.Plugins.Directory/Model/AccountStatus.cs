namespace Preau.Plugins.Directory.Model;

/// <summary>Life cycle of an account; member names are those of Core's <c>AccountState</c>.</summary>
public enum AccountStatus
{
    /// <summary>Created by an import, waiting for its activation code.</summary>
    NotActivated,

    /// <summary>In use.</summary>
    Active,

    /// <summary>Suspended by an administrator.</summary>
    Suspended,

    /// <summary>Gone from the feed: kept with its mail, cannot log in or receive.</summary>
    Left,
}
