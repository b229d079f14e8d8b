namespace Preau.Core.Preferences;

/// <summary>A user's settings page: preferences and the outside address told about new mail.</summary>
/// <param name="Signature">Plain text signature; empty for none.</param>
/// <param name="NotificationAddress">An address outside the school, or null for no notices.</param>
/// <param name="Language">"fr" or "en".</param>
public sealed record AccountSettings(string Signature, string? NotificationAddress, string Language);
