# source: https://github.com/SeldonIO/alibi/issues/425  # known-miss: the Keras model is a field set from a parameter (self.model = predict_model) and is called inside a Session block in a method; calls of eager Keras models are not counted as captures
# reported: A Keras image classifier trained in TF 2's default eager mode and then handed to alibi's Counterfactual / CEM explainers (written with TF1 graph constructs and their own Session) fails with RuntimeErrors; with eager disabled the error is "Attempting to capture an EagerTensor without building a function."
# observed (TF 2.21): the model's weights are eager variables; the explainer builds its search graph inside `with tf.compat.v1.Session()`, so calling the model on the graph tensor raises RuntimeError (Dense.call: "resource: Attempting to capture an EagerTensor without building a function.") at line 36.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(0)
x_train = rng.normal(size=(32, 4)).astype(np.float32)
y_train = (x_train[:, 0] > 0).astype(np.int64)

model = tf.keras.Sequential([
    tf.keras.Input((4,)),
    tf.keras.layers.Dense(8, activation="relu"),
    tf.keras.layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)


class Counterfactual:
    """TF1-style counterfactual search: minimise lam * ||cf - x0||_1 + (1 - p_target(cf))^2."""

    def __init__(self, predict_model, shape, target_class, lam=0.1, learning_rate=0.05, max_iter=20):
        self.model = predict_model
        self.shape = shape
        self.target_class = target_class
        self.lam = lam
        self.learning_rate = learning_rate
        self.max_iter = max_iter

    def explain(self, x0):
        with tf.compat.v1.Session() as sess:
            orig = tf.compat.v1.placeholder(tf.float32, self.shape, name="orig")
            cf = tf.Variable(tf.zeros(self.shape), name="counterfactual")
            init_cf = cf.assign(orig)
            proba = self.model(cf)  # expect: TFG007
            target_proba = proba[:, self.target_class]
            loss = self.lam * tf.reduce_sum(tf.abs(cf - orig)) + tf.reduce_sum((1.0 - target_proba) ** 2)
            grad = tf.gradients(loss, cf)[0]
            step = cf.assign_sub(self.learning_rate * grad)
            sess.run(init_cf, feed_dict={orig: x0})
            for _ in range(self.max_iter):
                sess.run(step, feed_dict={orig: x0})
            return sess.run(cf)


x0 = x_train[:1]
explainer = Counterfactual(model, shape=(1, 4), target_class=1 - int(y_train[0]))
print("counterfactual", explainer.explain(x0))
