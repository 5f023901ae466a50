// The SDK warns on stderr about Node 20 support dates: noise for a CLI whose stderr is the user's (and git's).
export function quietSdkNotice(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
