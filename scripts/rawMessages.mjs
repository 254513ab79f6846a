// Finds English a user would see that bypasses localization in the host: a string literal (or a
// template, or a constant holding one) handed straight to `vscode.window.show…Message`,
// `showInputBox`, `showQuickPick`, the open and save dialogs, `withProgress`, or a
// `vscode.FileSystemError` (VS Code shows its message when a save fails), or set as the text,
// tooltip, title or placeholder of a quick pick, input box or status bar item. Run by
// `node scripts/l10n.mjs check`, which the unit test test/unit/l10n.test.ts runs.
//
// It reads the TypeScript syntax tree, so it follows what is passed, not how it is laid out:
// literals inside option objects (`title`, `placeHolder`, `prompt`), quick pick items (`label`,
// `description`, `detail`), buttons held in a `const`, both branches of a `? :`, the value a
// `validateInput` function returns, and what a `.map` callback returns for the items. A call it
// cannot see into (a helper that builds the text) is left alone: that helper's own literals are
// the extractor's business.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const WINDOW_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'showInputBox', 'showQuickPick', 'showOpenDialog', 'showSaveDialog', 'withProgress']);
/** Option and item properties a user reads; `value` is left out (it is the user's own text). */
const TEXT_PROPERTIES = new Set(['title', 'placeHolder', 'prompt', 'label', 'description', 'detail', 'tooltip', 'validationMessage', 'text', 'openLabel', 'saveLabel']);
/** Assignments such as `statusItem.text = …` or `quickPick.placeholder = …`. */
const ASSIGNED_PROPERTIES = new Set(['text', 'tooltip', 'title', 'placeholder', 'prompt', 'validationMessage']);

/** A quick look for anything the syntax tree walk below could report. */
const MAY_SHOW_TEXT = /vscode\.(?:window|FileSystemError)\.|\.(?:text|tooltip|title|placeholder|prompt|validationMessage)\s*=[^=]/;

/**
 * Text a translator must see: two letters in a row once codicons (`$(name)`) and placeholders
 * (`${…}`) are taken out. `''`, `'$(add)'` and `'·'` are not messages.
 */
function isMessage(text) {
  return /\p{L}{2}/u.test(text.replace(/\$\([\w-]+\)/g, ''));
}

/** Each parsed file's constants, looked up by the walk below. */
const constantsBySource = new WeakMap();

function isL10nCall(node) {
  return ts.isCallExpression(node) && /^(?:vscode\.)?l10n\.t$/.test(node.expression.getText());
}

/**
 * What each `const name = …` in a file holds when it is a literal or an arrow function: a button
 * declared beside its use, a quick pick item made by a small function. Scopes are not followed:
 * a name declared this way more than once (in different functions) stands for its first such
 * declaration, which errs towards reporting.
 */
function constantsOf(sourceFile) {
  const constants = new Map();
  const visit = (node) => {
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.Const) !== 0) {
      for (const declaration of node.declarations) {
        const value = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && value && (isLiteral(value) || ts.isArrowFunction(value)) && !constants.has(declaration.name.text)) {
          constants.set(declaration.name.text, value);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return constants;
}

/** The text a literal writes itself, without what its `${…}` substitutions add. */
function literalText(node) {
  return ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ') : node.text;
}

function isLiteral(node) {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
}

/** Every raw literal `node` hands to the user, following the shapes listed at the top. */
function rawLiterals(node, sourceFile, found = [], seen = new Set()) {
  if (!node) {
    return found;
  }
  if (isLiteral(node)) {
    if (isMessage(literalText(node))) {
      found.push(node);
    }
  } else if (ts.isIdentifier(node)) {
    const value = constantsBySource.get(sourceFile).get(node.text);
    if (value && !seen.has(value)) {
      seen.add(value);
      rawLiterals(value, sourceFile, found, seen);
    }
  } else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSpreadElement(node)) {
    rawLiterals(node.expression, sourceFile, found, seen);
  } else if (ts.isConditionalExpression(node)) {
    rawLiterals(node.whenTrue, sourceFile, found, seen);
    rawLiterals(node.whenFalse, sourceFile, found, seen);
  } else if (ts.isBinaryExpression(node)) {
    rawLiterals(node.left, sourceFile, found, seen);
    rawLiterals(node.right, sourceFile, found, seen);
  } else if (ts.isArrayLiteralExpression(node)) {
    node.elements.forEach((element) => rawLiterals(element, sourceFile, found, seen));
  } else if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        rawLiterals(property.expression, sourceFile, found, seen);
      } else if (property.name && TEXT_PROPERTIES.has(property.name.getText(sourceFile))) {
        rawLiterals(ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined, sourceFile, found, seen);
      } else if (property.name?.getText(sourceFile) === 'validateInput' && ts.isPropertyAssignment(property)) {
        rawLiterals(property.initializer, sourceFile, found, seen);
      }
    }
  } else if (ts.isArrowFunction(node)) {
    if (ts.isBlock(node.body)) {
      const visit = (child) => {
        if (ts.isReturnStatement(child)) {
          rawLiterals(child.expression, sourceFile, found, seen);
        } else if (!ts.isFunctionLike(child)) {
          ts.forEachChild(child, visit);
        }
      };
      ts.forEachChild(node.body, visit);
    } else {
      rawLiterals(node.body, sourceFile, found, seen);
    }
  } else if (ts.isCallExpression(node) && !isL10nCall(node)) {
    // `items.map((item) => ({ label: … }))`, `[...].concat(…)`: the callbacks and arrays passed on.
    node.arguments.filter((arg) => ts.isArrowFunction(arg) || ts.isArrayLiteralExpression(arg) || ts.isIdentifier(arg)).forEach((arg) => rawLiterals(arg, sourceFile, found, seen));
  }
  return found;
}

/** `vscode.window.showErrorMessage`, `vscode.FileSystemError.NoPermissions`…: a call whose text a user reads. */
function userTextCall(node) {
  const callee = node.expression.getText();
  const inWindow = /^vscode\.window\.(\w+)$/.exec(callee);
  return (inWindow && WINDOW_CALLS.has(inWindow[1])) || /^vscode\.FileSystemError\.\w+$/.test(callee) ? callee : undefined;
}

/** `file:line: text` for every raw message in one host source file. */
export function rawMessagesIn(fileName, contents) {
  const sourceFile = ts.createSourceFile(fileName, contents, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  constantsBySource.set(sourceFile, constantsOf(sourceFile));
  const problems = [];
  const report = (literal, where) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(literal.getStart(sourceFile));
    problems.push(`${fileName}:${line + 1}: ${where} shows ${literal.getText(sourceFile)} without l10n.t`);
  };
  const visit = (node) => {
    const call = ts.isCallExpression(node) ? userTextCall(node) : undefined;
    if (call) {
      node.arguments.forEach((arg) => rawLiterals(arg, sourceFile).forEach((literal) => report(literal, call)));
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      ASSIGNED_PROPERTIES.has(node.left.name.text)
    ) {
      rawLiterals(node.right, sourceFile).forEach((literal) => report(literal, `.${node.left.name.text} =`));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return problems;
}

/** Raw messages in every `.ts` file under src/host, file names relative to `root`. */
export function rawHostMessages(root) {
  const hostDir = path.join(root, 'src', 'host');
  let files;
  try {
    files = readdirSync(hostDir, { recursive: true }).filter((file) => file.endsWith('.ts')).sort();
  } catch {
    return [];
  }
  return files.flatMap((file) => {
    const contents = readFileSync(path.join(hostDir, file), 'utf8');
    // Most files show nothing to the user: only those that could are parsed.
    return MAY_SHOW_TEXT.test(contents) ? rawMessagesIn(path.join('src', 'host', file), contents) : [];
  });
}
