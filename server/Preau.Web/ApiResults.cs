using Microsoft.AspNetCore.Http;

namespace Preau.Web;

/// <summary>The JSON error answers of the API: <c>{"error": "…"}</c>, French, plus <c>"right"</c> on a 403
/// for a missing right.</summary>
public static class ApiResults
{
    /// <summary>The message of a 401.</summary>
    public const string NotSignedIn = "Vous devez vous connecter.";

    /// <summary>401: no session.</summary>
    public static IResult Unauthorized(string message = NotSignedIn) => Results.Json(new ErrorBody(message), statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>403 naming the missing right.</summary>
    public static IResult Forbidden(string reason, string right) => Results.Json(new RightErrorBody(reason, right), statusCode: StatusCodes.Status403Forbidden);

    /// <summary>An error with any status.</summary>
    public static IResult Error(int status, string message) => Results.Json(new ErrorBody(message), statusCode: status);

    /// <summary>400.</summary>
    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    /// <summary>404.</summary>
    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    /// <summary>An error body.</summary>
    /// <param name="Error">French message.</param>
    public sealed record ErrorBody(string Error);

    /// <summary>The body of a 403 for a missing right.</summary>
    /// <param name="Error">French reason naming the right.</param>
    /// <param name="Right">The right, "administration.services".</param>
    public sealed record RightErrorBody(string Error, string Right);
}
