// The pages' views live in the address's hash (#/case/R-20261127-0001?…), so a reload or a link opens the same view.

/** The view's path and its parameters; {@code home} when the hash names none. */
export function parseHash(home) {
  const hash = location.hash.replace(/^#/, '') || home;
  const [path, query = ''] = hash.split('?');
  return { path, params: new URLSearchParams(query) };
}

/** Goes to a view; asking again for the one on screen runs {@code route} again, so a search is run anew. */
export function navigate(hash, route) {
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}
