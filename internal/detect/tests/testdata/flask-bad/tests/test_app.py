import unittest


class TestApp(unittest.TestCase):
    def test_placeholder(self):
        self.assertTrue(True)

    def test_math(self):
        self.assertEqual(1 + 1, 2)

    # def test_index(self):
    #     from app import app
    #     resp = app.test_client().get("/")
    #     self.assertEqual(resp.status_code, 200)


if __name__ == "__main__":
    unittest.main()
