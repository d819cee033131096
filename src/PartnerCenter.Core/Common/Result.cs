namespace PartnerCenter.Core.Common;

/// <summary>An expected failure: a stable code the web layer maps, and the message a user reads.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind = ErrorKind.Rule)
{
    public static Error NotFound(string what) => new("not_found", $"{what} was not found.", ErrorKind.NotFound);
}

public enum ErrorKind
{
    /// <summary>A domain rule refused the request; show the message.</summary>
    Rule = 0,
    /// <summary>The thing does not exist for this user (including another partner's records).</summary>
    NotFound = 1,
    /// <summary>Someone else changed the record first.</summary>
    Conflict = 2,
}

/// <summary>Either a value or an <see cref="Error"/>; expected failures never travel as exceptions.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(Error error) => Fail(error);
}
