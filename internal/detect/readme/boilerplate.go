package readme

import "strings"

// template describes a README that a project generator writes. A README is
// matched to a template by a signature sentence; once matched, its blocks
// that carry the template's phrases (or equal its stock headings) are the
// generator's words, not the author's, and are left out of every count.
type template struct {
	name       string
	signatures []string // any one identifies the template
	phrases    []string // a block containing one is template text
	exact      []string // a block equal to one is template text
	images     []string // an image whose URL contains one is template art
	code       []string // a code block containing one is template code
}

// templates are the generators whose READMEs learners most often leave in
// place. Phrases are normalised (see norm): lower case, words only.
var templates = []template{
	{
		name:       "create-react-app",
		signatures: []string{"getting started with create react app", "bootstrapped with create react app"},
		phrases: []string{"create react app", "in the project directory you can run", "runs the app in the development mode",
			"to view it in your browser", "to view it in the browser", "the page will reload", "you may also see any lint errors",
			"launches the test runner", "running tests for more information", "builds the app for production", "correctly bundles react",
			"the build is minified", "your app is ready to be deployed", "one way operation", "you can eject", "use eject",
			"learn react check out", "this section has moved here", "fails to minify", "see the section about deployment",
			"it will copy all the configuration files", "single build dependency", "curated feature set"},
		exact: []string{"available scripts", "npm start", "npm test", "npm run build", "npm run eject", "learn more", "code splitting",
			"analyzing the bundle size", "making a progressive web app", "advanced configuration", "deployment",
			"npm run build fails to minify", "yarn start", "yarn test", "yarn build", "yarn eject"},
	},
	{
		name: "laravel",
		signatures: []string{"laravel is a web application framework with expressive elegant syntax",
			"thank you for considering contributing to the laravel framework", "the laravel framework is open sourced software"},
		phrases: []string{"laravel is a web application framework", "laravel takes the pain out of development", "simple fast routing engine",
			"powerful dependency injection container", "session and cache storage", "expressive intuitive database orm",
			"database agnostic schema migrations", "robust background job processing", "real time event broadcasting",
			"laravel is accessible powerful", "laravel has the most extensive", "laravel bootcamp", "laracasts",
			"sponsors for funding laravel development", "laravel partners", "considering contributing to the laravel framework",
			"laravel community is welcoming", "security vulnerability within laravel", "taylor otwell",
			"laravel framework is open sourced software", "vehikl", "tighten co", "kirschbaum development"},
		exact: []string{"about laravel", "learning laravel", "laravel sponsors", "premium partners", "contributing", "code of conduct",
			"security vulnerabilities", "license"},
		images: []string{"laravel"},
	},
	{
		name:       "rails",
		signatures: []string{"this readme would normally document whatever steps are necessary"},
		phrases: []string{"this readme would normally document", "things you may want to cover", "database initialization",
			"how to run the test suite", "deployment instructions", "services job queues cache servers search engines"},
		exact: []string{"readme", "ruby version", "system dependencies", "configuration", "database creation"},
	},
	{
		name:       "vite-react",
		signatures: []string{"this template provides a minimal setup to get react working in vite"},
		phrases: []string{"this template provides a minimal setup", "currently two official plugins are available", "for fast refresh",
			"expanding the eslint configuration", "if you are developing a production application", "type aware lint rules",
			"react compiler", "eslint plugin react"},
		exact: []string{"react vite", "react typescript vite"},
		code:  []string{"eslint", "tseslint"},
	},
	{
		name:       "vite-vue",
		signatures: []string{"this template should help get you started developing with vue"},
		phrases: []string{"this template should help get you started", "script setup", "recommended ide setup", "vscode volar",
			"customize configuration", "see vite configuration reference", "type support for vue imports in ts",
			"compile and hot reload for development", "compile and minify for production", "lint with eslint",
			"run unit tests with", "run end to end tests with", "learn more about ide support for vue"},
		exact: []string{"vue 3 vite", "vue vite", "project setup"},
		code:  []string{"npm install", "npm run dev", "npm run build", "npm run lint", "npm run test", "yarn", "pnpm"},
	},
	{
		name:       "create-next-app",
		signatures: []string{"bootstrapped with create next app"},
		phrases: []string{"bootstrapped with create next app", "first run the development server", "with your browser to see the result",
			"you can start editing the page", "the page auto updates", "to automatically optimize and load", "to learn more about next js",
			"next js documentation", "learn next js", "next js github repository", "deploy on vercel", "the easiest way to deploy your next js app",
			"next js deployment documentation", "api routes can be accessed", "pages api"},
		exact: []string{"getting started", "learn more"},
		code:  []string{"yarn dev", "pnpm dev", "bun dev"},
	},
	{
		name: "nestjs",
		signatures: []string{"framework typescript starter repository",
			"a progressive node js framework for building efficient and scalable server side applications"},
		phrases: []string{"framework typescript starter repository", "a progressive node js framework", "nest is an mit licensed open source project",
			"stay in touch", "nest is mit licensed", "ready to deploy your nestjs application", "deploy your nestjs application",
			"check out a few resources", "nestjs com", "nestframework", "kamil", "docs nestjs com", "mau", "discord channel",
			"video courses", "nestjs devtools", "enterprise support", "job board", "twitter linkedin"},
		exact: []string{"description", "installation", "project setup", "running the app", "compile and run the project", "test", "run tests",
			"deployment", "resources", "support", "license"},
		images: []string{"nestjs", "nest"},
		code:   []string{"npm run start", "npm run test", "npm install", "mau deploy"},
	},
	{
		name:       "angular-cli",
		signatures: []string{"this project was generated with angular cli", "this project was generated using angular cli"},
		phrases: []string{"generated with angular cli", "generated using angular cli", "for a dev server", "code scaffolding",
			"ng generate", "ng build", "to execute the unit tests", "to execute the end to end tests", "further help",
			"angular cli overview", "the application will automatically reload", "build artifacts will be stored",
			"to start a local development server", "angular cli includes powerful code scaffolding tools"},
		exact: []string{"development server", "build", "building", "running unit tests", "running end to end tests", "additional resources"},
		code:  []string{"ng serve", "ng generate", "ng build", "ng test", "ng e2e"},
	},
}

// matchTemplate returns the template whose signature the README text
// carries, or nil.
func matchTemplate(blocks []block) *template {
	var sb strings.Builder
	for _, b := range blocks {
		if b.kind != kindCode {
			sb.WriteString(norm(b.text))
			sb.WriteByte(' ')
		}
	}
	all := " " + sb.String()
	for i := range templates {
		for _, s := range templates[i].signatures {
			if strings.Contains(all, " "+s+" ") {
				return &templates[i]
			}
		}
	}
	return nil
}

// markTemplate flags the blocks that are the template's text.
func markTemplate(t *template, blocks []block) {
	for i := range blocks {
		b := &blocks[i]
		switch b.kind {
		case kindCode:
			for _, c := range t.code {
				if strings.Contains(b.code, c) {
					b.template = true
				}
			}
		default:
			n := norm(b.text)
			if n == "" {
				if len(b.images) > 0 {
					b.template = allImagesMatch(b.images, t.images)
				}
				continue
			}
			padded := " " + n + " "
			for _, e := range t.exact {
				if n == e {
					b.template = true
				}
			}
			for _, p := range t.phrases {
				if strings.Contains(padded, " "+p+" ") {
					b.template = true
				}
			}
		}
	}
}

func allImagesMatch(images []image, markers []string) bool {
	if len(markers) == 0 {
		return false
	}
	for _, im := range images {
		ok := false
		for _, m := range markers {
			ok = ok || strings.Contains(strings.ToLower(im.src), m)
		}
		if !ok {
			return false
		}
	}
	return true
}
