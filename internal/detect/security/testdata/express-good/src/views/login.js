export const labels = {
  password: "Password",
  passwordHint: "At least twelve characters",
  passwordField: "passwordInputField",
  token: "rememberMeToken",
};
